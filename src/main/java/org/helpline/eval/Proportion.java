package org.helpline.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A measured proportion (so many of so many) with its 95 % Wilson score interval. Every
 * figure the evaluation reports carries one: on a few hundred messages a point either way
 * is noise, and the interval says how much.
 *
 * <p>The Wilson interval is used rather than the normal approximation because it stays inside
 * 0..1 and keeps its coverage near 0 and 1, where most of our figures (wrong answers, safety
 * recall) sit (Newcombe, Statistics in Medicine 17, 1998, method 3).
 *
 * <p>In JSON it carries its value and interval too, in the shape of the staff evaluation report
 * ({@code value} as a fraction 0..1, {@code interval: {lower, upper}}), so a client shows them
 * without computing; they are ignored when read back, being derived from the counts.
 *
 * @param count how many of the trials succeeded
 * @param total how many trials there were
 */
@JsonIgnoreProperties(value = {"value", "interval"}, allowGetters = true)
public record Proportion(int count, int total) {

  /** The standard normal quantile for a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  public Proportion {
    if (total < 0 || count < 0 || count > total) {
      throw new IllegalArgumentException("not a proportion: " + count + "/" + total);
    }
  }

  /** A 95 % Wilson score interval (fractions 0..1). */
  public record Interval(double lower, double upper) {
  }

  /** The measured fraction, 0 when there were no trials. */
  @JsonProperty("value")
  public double value() {
    return total == 0 ? 0 : (double) count / total;
  }

  /** Lower end of the 95 % Wilson score interval (0 when there were no trials). */
  public double wilsonLower() {
    return wilson(-1);
  }

  /** Upper end of the 95 % Wilson score interval (1 when there were no trials). */
  public double wilsonUpper() {
    return wilson(1);
  }

  /** Both ends of the 95 % Wilson score interval. */
  @JsonProperty("interval")
  public Interval interval() {
    return new Interval(wilsonLower(), wilsonUpper());
  }

  private double wilson(int sign) {
    // With no trials, or at p = 0 or 1, the bound on that side is exactly 0 or 1; floating
    // point would leave it a hair away.
    if (total == 0 || sign < 0 && count == 0 || sign > 0 && count == total) {
      return sign < 0 ? 0 : 1;
    }
    double n = total;
    double p = value();
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.min(1, Math.max(0, centre + sign * half));
  }

  /** For reports: {@code 324/348 = 93.1 % (95 % CI 89.9-95.3)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%d/%d = %.1f %% (95 %% CI %.1f-%.1f)", count, total,
        100 * value(), 100 * wilsonLower(), 100 * wilsonUpper());
  }

  @Override
  public String toString() {
    return describe();
  }
}
