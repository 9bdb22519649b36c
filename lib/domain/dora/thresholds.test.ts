import { describe, expect, it } from "vitest";
import {
  DORA_THRESHOLDS,
  DORA_THRESHOLDS_SOURCE,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryBand,
} from "./thresholds";

describe("DORA 2024 bands", () => {
  it("bands deploy frequency per week at the edges", () => {
    expect(deploymentFrequencyBand(7)).toBe("elite");
    expect(deploymentFrequencyBand(6.99)).toBe("high");
    expect(deploymentFrequencyBand(1)).toBe("high");
    expect(deploymentFrequencyBand(7 / 30)).toBe("medium");
    expect(deploymentFrequencyBand(0.2)).toBe("low");
    expect(deploymentFrequencyBand(0)).toBe("low");
  });

  it("bands lead time: under a day elite, up to a week high, up to a month medium", () => {
    expect(leadTimeBand(23.9)).toBe("elite");
    expect(leadTimeBand(24)).toBe("high");
    expect(leadTimeBand(168)).toBe("high");
    expect(leadTimeBand(169)).toBe("medium");
    expect(leadTimeBand(720)).toBe("medium");
    expect(leadTimeBand(721)).toBe("low");
    expect(leadTimeBand(null)).toBeNull();
  });

  it("bands change failure rate without a medium, since the clusters' rates are not ordered", () => {
    expect(changeFailureRateBand(0)).toBe("elite");
    expect(changeFailureRateBand(0.05)).toBe("elite");
    expect(changeFailureRateBand(0.1)).toBe("high");
    expect(changeFailureRateBand(0.2)).toBe("high");
    expect(changeFailureRateBand(0.21)).toBe("low");
    expect(changeFailureRateBand(null)).toBeNull();
    expect(DORA_THRESHOLDS.changeFailureRate.map((t) => t.band)).toEqual(["elite", "high", "low"]);
  });

  it("bands recovery: under an hour elite, under a day high", () => {
    expect(recoveryBand(0.5)).toBe("elite");
    expect(recoveryBand(1)).toBe("high");
    expect(recoveryBand(23)).toBe("high");
    expect(recoveryBand(24)).toBe("low");
    expect(recoveryBand(null)).toBeNull();
  });

  it("names its year and source", () => {
    expect(DORA_THRESHOLDS_SOURCE.year).toBe(2024);
    expect(DORA_THRESHOLDS_SOURCE.url).toBe("https://dora.dev/research/2024/dora-report/");
  });
});
