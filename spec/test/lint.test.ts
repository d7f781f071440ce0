import { describe, expect, it } from "vitest";
import { redocly } from "./support.js";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer?: string; source?: { ref?: string } }[];
}

describe("redocly lint (redocly.yaml: recommended + strict rules)", () => {
  it("reports zero errors and zero warnings", async () => {
    const { stdout, stderr } = await redocly(["lint", "openapi.yaml", "--format=json"]);
    let report: { totals: { errors: number; warnings: number; ignored: number }; problems: LintProblem[] };
    try {
      report = JSON.parse(stdout);
    } catch {
      throw new Error(`redocly lint printed no JSON report:\n${stdout}\n${stderr}`);
    }
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => `${l.source?.ref ?? ""}${l.pointer ?? ""}`).join(", ")}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0, ignored: 0 });
  });
});
