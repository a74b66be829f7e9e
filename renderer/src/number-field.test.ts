import { describe, expect, it } from "vitest";
import { formatCount } from "./format";
import { parseNumberField } from "./number-field";

const seed = { label: "Seed", integer: true, min: 0, max: 2 ** 32 - 1 };
const strength = { label: "Strength", integer: false, min: 0, max: 1 };

describe("parseNumberField", () => {
  it("returns the number typed, spaces around it ignored", () => {
    expect(parseNumberField(" 42 ", seed)).toBe(42);
    expect(parseNumberField("0.75", strength)).toBe(0.75);
  });

  it("says in words what is wrong", () => {
    expect(parseNumberField("", seed)).toBe("Seed must be a number.");
    expect(parseNumberField("abc", seed)).toBe("Seed must be a number.");
    expect(parseNumberField("Infinity", strength)).toBe("Strength must be a number.");
    expect(parseNumberField("1.5", seed)).toBe("Seed must be a whole number.");
    expect(parseNumberField("-1", seed)).toBe("Seed must be between 0 and 4294967295.");
    expect(parseNumberField("1.01", strength)).toBe("Strength must be between 0 and 1.");
  });

  it("writes the limits the way the caller asks", () => {
    expect(parseNumberField("5000000000", seed, formatCount)).toBe("Seed must be between 0 and 4,294,967,295.");
  });
});
