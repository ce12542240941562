// The demo shell against the real model registry: definitions resolve, the command line it shows is
// accepted by the runner's own parser with the same state, and URL defaults round-trip.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { models } from "../../../src/core/models/index";
import { parseArgs } from "../../../src/core/cli/args";
import type { Params, Schema } from "../../../src/core/schema";
import { cliCommand } from "../../../src/demos/cli";
import { resolveDemo } from "../../../src/demos/definition";
import { decodeState, encodeState } from "../../../src/demos/url-state";

/** argv exactly as a POSIX shell splits the command (after `npm run sim --`). */
function shellArgv(command: string): string[] {
  const out = execFileSync("/bin/sh", ["-c", `set -- ${command}; for a; do printf '%s\\0' "$a"; done`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe.each(Object.keys(models))("model %s in the demo shell", (id) => {
  const model = models[id]!;
  const config = resolveDemo({ id: "d", model: id, seed: 42, replicates: 30 }, model);
  const state = config.presets[0]!.state;
  const schema = model.schema as Schema<Params>;

  it("resolves a default demo with one fan chart per metric", () => {
    expect(config.views.map((v) => (v.kind === "fan" ? v.metric : v.kind))).toEqual(model.metrics(state.params).map((m) => m.name));
  });

  it("shows a command line the runner parses back to the same state", () => {
    const argv = shellArgv(cliCommand(id, schema, state));
    expect(argv.slice(0, 4)).toEqual(["npm", "run", "sim", "--"]);
    const parsed = parseArgs(argv.slice(4), models);
    expect(parsed).toMatchObject({ kind: "run", params: state.params, seed: 42, replicates: 30 });
  });

  it("round-trips its state through the URL", () => {
    const q = `?${new URLSearchParams(encodeState("d", schema, state))}`;
    expect(decodeState("d", schema, q, state, config.maxReplicates)).toEqual({ state, notices: [], present: true });
  });
});
