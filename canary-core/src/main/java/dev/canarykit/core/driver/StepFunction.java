package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.CanaryAnalysis;
import dev.canarykit.core.analysis.TickInput;
import dev.canarykit.core.analysis.Transition;

/** The shape of {@link CanaryAnalysis#step}: pass {@code analysis::step} wherever one is wanted. */
@FunctionalInterface
interface StepFunction {

  /** One step of a tick; see {@link CanaryAnalysis#step}. */
  Transition step(TickInput input);
}
