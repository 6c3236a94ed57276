package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The evidence that failures are less clustered than a cell's lower end (docs/judge-statistics.md §9). */
class DispersionTestsTest {
  private static final long[] NONE = {0, 0};

  @Test
  void theCellsRunFromTheSmallestCandidateToThePolicysBound() {
    assertThat(DispersionTests.cells(10)).containsExactly(1.5, 2, 3, 4, 5, 7, 10);
    assertThat(DispersionTests.cells(1)).containsExactly(1);
    assertThat(DispersionTests.cells(2.5)).containsExactly(1.5, 2, 2.5);
  }

  @Test
  void oneIntervalsFactorHasMeanAtMostOneForEveryRateAndEveryMeanFromTheLowerEndUp() {
    DispersionTests fresh = DispersionTests.start(10);
    double[] cells = DispersionTests.cells(10);
    int counts = 400;
    for (long predicted : new long[] {1, 10, 40}) {
      double[][] logE = new double[cells.length][counts];
      for (int f = 0; f < counts; f++) {
        DispersionTests next = fresh.update(new long[] {1000, 0}, new long[] {f, 0}, new long[] {1000, 0},
            new long[] {predicted, 0});
        for (int cell = 1; cell < cells.length; cell++) {
          logE[cell][f] = next.logE(cell);
        }
      }
      for (int cell = 1; cell < cells.length; cell++) {
        double lower = cells[cell - 1];
        for (double m : new double[] {lower, lower * 1.5, 10}) {
          for (double mean : new double[] {0.3, 4, 25}) {
            double expectation = 0;
            for (int f = 0; f < counts; f++) {
              expectation += Math.exp(Clusters.logPolyaAeppli(f, mean / m, m) + logE[cell][f]);
            }
            assertThat(expectation).as("cell from %s, m=%s, mean %s, predicted %s", lower, m, mean, predicted)
                .isLessThanOrEqualTo(1 + 1e-9);
          }
        }
      }
    }
  }

  /** log e-value against "clusters of mean at least {@code lower}" after {@code intervals} of two versions. */
  private static double evidenceAgainst(double lower, double clusterMean, int intervals, long seed) {
    double[] cells = DispersionTests.cells(10);
    int cell = java.util.Arrays.binarySearch(cells, lower) + 1;
    SplittableRandom rnd = new SplittableRandom(seed);
    DispersionTests d = DispersionTests.start(10);
    long[] pastRequests = {0, 0};
    long[] pastFailures = {0, 0};
    VersionProfile primary = new VersionProfile(0.001, 20, 150);
    VersionProfile canary = new VersionProfile(0.005, 20, 150);
    for (int t = 0; t < intervals; t++) {
      long[] requests = {10_800, 1_200};
      long[] failures = {Traffic.served(rnd, requests[0], primary, clusterMean).failureCount(),
          Traffic.served(rnd, requests[1], canary, clusterMean).failureCount()};
      d = d.update(requests, failures, pastRequests, pastFailures);
      for (int v = 0; v < 2; v++) {
        pastRequests[v] += requests[v];
        pastFailures[v] += failures[v];
      }
    }
    return d.logE(cell);
  }

  @Test
  void independentFailuresSoonRuleOutLargeClustersAndClustersOfTenDoNot() {
    double bound = Math.log(20);
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(evidenceAgainst(7, 1, 6, seed)).as("independent, seed %s", seed).isGreaterThan(bound);
      assertThat(evidenceAgainst(4, 1, 12, seed)).as("independent, seed %s", seed).isGreaterThan(bound);
      assertThat(evidenceAgainst(7, 10, 30, seed)).as("clusters of 10, seed %s", seed).isLessThan(bound);
      assertThat(evidenceAgainst(4, 10, 30, seed)).as("clusters of 10, seed %s", seed).isLessThan(bound);
    }
  }

  @Test
  void aVersionWithoutPastFailuresOrRequestsNowChangesNothing() {
    DispersionTests fresh = DispersionTests.start(10);
    assertThat(fresh.update(new long[] {500, 500}, new long[] {3, 4}, new long[] {500, 500}, NONE)).isEqualTo(fresh);
    assertThat(fresh.update(NONE, NONE, new long[] {500, 500}, new long[] {2, 2})).isEqualTo(fresh);
  }
}
