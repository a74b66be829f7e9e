import { describe, expect, it } from "vitest";
import type { Job } from "../../../shared/jobs";
import { job } from "../test-support/fixtures";
import { jobPercent, jobStatusLabel } from "./job-status";

describe("job status", () => {
  it("words every status, with the panel's own word for running", () => {
    const statuses: Job["status"][] = ["queued", "running", "succeeded", "failed", "cancelled"];
    expect(statuses.map((status) => jobStatusLabel(status, "Generating"))).toEqual(["Waiting", "Generating", "Done", "Failed", "Cancelled"]);
  });

  it("rounds the fraction done to a whole percent", () => {
    expect(jobPercent(job("j", "running", 0.254))).toBe(25);
    expect(jobPercent(job("j", "running", 0.996))).toBe(100);
  });
});
