/**
 * Chapter 10 calculator: the full analysis the BDM worker runs for one input (parse, decomposition, BDM,
 * normalised BDM, block and Shannon entropy, deflate length, block table) on seeded random bits.
 *   bdm-tool.ts [--bits 1000000]    check = BDM
 */
import { analyse1D } from "../../src/components/bdm/analysis";
import { pybdmTable1D } from "../../src/core/ctm/data";
import { createRng } from "../../src/core/rng";
import { benchArg, timed } from "./common";

const n = benchArg("bits", 1_000_000);
const rng = createRng(1);
let text = "";
for (let i = 0; i < n; i++) text += rng() < 0.5 ? "0" : "1";
const table = pybdmTable1D();
timed(() => analyse1D(text, table, { block: 12, offset: 12, boundary: "ignore" }).bdm);
