package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RateTestTest {

  @Test
  void aCanaryAboveItsBudgetIsCaughtAndOneBelowItIsCleared() {
    RateTest bad = RateTest.start(0.01, 12).update(2000, 60);
    assertThat(bad.rollbackLogE()).isGreaterThan(Math.log(20));
    RateTest good = RateTest.start(0.01, 12).update(2000, 2);
    assertThat(good.nonInferiorityLogE()).isGreaterThan(Math.log(20));
    assertThat(good.rollbackLogE()).isLessThan(0);
  }

  @Test
  void noRequestsChangeNothing() {
    RateTest t = RateTest.start(0.01, 12).update(100, 1);
    assertThat(t.update(0, 0)).isSameAs(t);
  }

  @Test
  void falseAlarmsStayBelowAlphaAtTheBudget() {
    SplittableRandom rnd = new SplittableRandom(7);
    int runs = 2000;
    int alarms = 0;
    for (int run = 0; run < runs; run++) {
      RateTest t = RateTest.start(0.01, 12);
      for (int i = 0; i < 60; i++) {
        int n = 50;
        int x = 0;
        for (int j = 0; j < n; j++) {
          x += rnd.nextDouble() < 0.01 ? 1 : 0;
        }
        t = t.update(n, x);
        if (t.rollbackLogE() >= Math.log(20)) {
          alarms++;
          break;
        }
      }
    }
    double se = Math.sqrt(0.05 * 0.95 / runs);
    assertThat((double) alarms / runs).isLessThanOrEqualTo(0.05 + 3 * se);
  }

  @Test
  void budgetMustBeAProbability() {
    assertThatThrownBy(() -> RateTest.start(0, 12)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0");
  }
}
