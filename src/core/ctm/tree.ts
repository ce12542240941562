/**
 * Lazy ("tree") enumeration of the right-first subtree R of the (n,2) machine space, blank 0.
 *
 * The machine is simulated with an empty table; when it reads an undefined (state, symbol) entry we branch
 * over that entry's 4n+2 choices. A finished branch stands for every completion of its still-undefined
 * entries, so its weight is (4n+2)^(undefined) times the multiplicities below. Exact (weights are integers
 * < 2^53 for n ≤ 5, so doubles add them exactly).
 *
 * Reductions (all exact; see README):
 * - Root: the first entry (state 0, blank 0) is fixed to "write w, move Right, go to state 1", w ∈ {0,1},
 *   with weight n−1 (any other new state is a relabelling). Halting first entries, loops to state 0 and the
 *   left-first mirror images are added analytically by `complete.ts`.
 * - State labels: a transition to a not-yet-used state only tries the lowest unused label, weight = number
 *   of unused labels (the unused states' entries are all undefined, so they are interchangeable).
 * - Pruning of branches that provably never halt. In a running branch no defined entry halts (choosing Halt
 *   ends the branch at once), so: (0) if no state with an undefined entry is reachable from the current
 *   state in the graph of defined transitions, it never halts (this covers "no Halt entry at all"); (a) escapee: the head arrives on fresh (never visited,
 *   hence blank) cells in the same state twice within one run of consecutive fresh moves — from then on it
 *   repeats forever; (b) cycle: the exact configuration (state, head, visited tape) repeats (Brent's method);
 *   (c) translated cycle: two new right-most records at p1 < p2 in the same state, the head never below
 *   p1 − d in between, and tape[p1−d … p1] then = tape[p2−d … p2] now (cells beyond are blank both times),
 *   so the run from p2 replays the run from p1 shifted, forever (mirror image for left records).
 *   All only use transitions already executed, so they hold for every completion of the branch.
 *
 * Chunks: a chunk is a prefix of choice indices for the first k decisions (branch points). A branch that
 * finishes after j < k decisions is counted only by the chunk whose remaining prefix digits are all 0, so
 * the chunks partition the tree and can run independently (workers, checkpoints).
 */
import { choicesPerEntry, MAX_STATES } from "./machine";

/** Output strings of length ≤ SMALL_LENGTH are counted in a flat array indexed by (1 << length) | bits. */
export const SMALL_LENGTH = 16;

/** Halting counts of the right-first subtree R (blank 0) plus work statistics. */
export interface TreeCounts {
  /** small[(1 << L) | value] = weighted count of output of length L ≤ log2(small.length) − 1 (first cell = most significant bit). */
  small: Float64Array;
  /** Keys of `small` that became nonzero, in first-touch order (lets sparse readers skip the 2^21 scan). */
  touched: number[];
  /** Counts of longer outputs, keyed by the '0'/'1' string. */
  large: Map<string, number>;
  /** Total weight of halting machines in R. */
  halting: number;
  /** Branches finished (halted, cut off or pruned). */
  leaves: number;
  /** Transitions simulated. */
  steps: number;
}

/** A zero accumulator; outputs longer than `smallLength` (≤ SMALL_LENGTH) go to the `large` map. */
export function emptyTreeCounts(smallLength = SMALL_LENGTH): TreeCounts {
  if (!Number.isInteger(smallLength) || smallLength < 1 || smallLength > SMALL_LENGTH) throw new RangeError(`smallLength must be in [1, ${SMALL_LENGTH}]`);
  return { small: new Float64Array(1 << (smallLength + 1)), touched: [], large: new Map(), halting: 0, leaves: 0, steps: 0 };
}

/** Add b into a. */
export function mergeTreeCounts(a: TreeCounts, b: TreeCounts): void {
  for (const i of b.touched) {
    if (a.small[i] === 0) a.touched.push(i);
    a.small[i]! += b.small[i]!;
  }
  for (const [k, v] of b.large) a.large.set(k, (a.large.get(k) ?? 0) + v);
  a.halting += b.halting;
  a.leaves += b.leaves;
  a.steps += b.steps;
}

/** The counts as a map string → weight (nonzero only). */
export function treeCountsToMap(t: TreeCounts): Map<string, number> {
  const out = new Map<string, number>();
  for (let key = 2; key < t.small.length; key++) {
    const v = t.small[key]!;
    if (v === 0) continue;
    const L = 31 - Math.clz32(key);
    out.set((key - (1 << L)).toString(2).padStart(L, "0"), v);
  }
  for (const [k, v] of t.large) out.set(k, v);
  return out;
}

/** Options of one tree run. */
export interface TreeOptions {
  /** Working states n (1…5). */
  states: number;
  /** Step cut-off: halting within maxSteps steps (halting step included) counts. */
  maxSteps: number;
  /** Chunk prefix (choice indices of the first decisions); empty = the whole tree. */
  prefix?: readonly number[];
  /** Prune detected non-halters (default true; false only for cross-checks). */
  prune?: boolean;
}

/** Enumerate R (or one chunk of it) and add its counts into `acc`. */
export function enumerateTree(options: TreeOptions, acc: TreeCounts): void {
  const n = options.states;
  if (!Number.isInteger(n) || n < 1 || n > MAX_STATES) throw new RangeError(`states must be in [1, ${MAX_STATES}]`);
  if (n === 1) return; // the root needs a second state: R is empty
  const maxSteps = options.maxSteps;
  const prefix = options.prefix ?? [];
  const prune = options.prune ?? true;
  const K = choicesPerEntry(n);
  const entries = 2 * n;
  const P = prefix.length;
  // zeroFrom[j]: prefix digits j… are all 0 (a leaf after j decisions belongs to this chunk).
  const zeroFrom: boolean[] = [];
  for (let j = P; j >= 0; j--) zeroFrom[j] = j === P || (prefix[j] === 0 && zeroFrom[j + 1]!);
  const pow: number[] = [1];
  for (let i = 1; i <= entries; i++) pow.push(pow[i - 1]! * K);
  const size = 2 * maxSteps + 5;
  const origin = maxSteps + 2;
  const tapes: Uint8Array[] = [], snaps: Uint8Array[] = [], snapsR: Uint8Array[] = [], snapsL: Uint8Array[] = [];
  for (let i = 0; i <= entries + 1; i++) {
    tapes.push(new Uint8Array(size));
    snaps.push(new Uint8Array(size));
    snapsR.push(new Uint8Array(size));
    snapsL.push(new Uint8Array(size));
  }
  const def = new Uint8Array(entries), wr = new Uint8Array(entries), mv = new Int8Array(entries), nx = new Int8Array(entries);
  const small = acc.small;
  const smallLength = 31 - Math.clz32(small.length) - 1;
  let leaves = 0, steps = 0, halting = 0;

  const owns = (depth: number) => depth >= P || zeroFrom[depth]!;

  function count(tape: Uint8Array, lo: number, hi: number, w: number): void {
    halting += w;
    const L = hi - lo + 1;
    if (L <= smallLength) {
      let key = 1;
      for (let i = lo; i <= hi; i++) key = (key << 1) | tape[i]!;
      if (small[key] === 0) acc.touched.push(key);
      small[key]! += w;
    } else {
      let s = "";
      for (let i = lo; i <= hi; i++) s += tape[i] === 1 ? "1" : "0";
      acc.large.set(s, (acc.large.get(s) ?? 0) + w);
    }
  }

  /** Branch on undefined entry e at decision `depth`; the tape of this depth is tapes[depth]. */
  function branch(depth: number, e: number, state: number, head: number, stepsSoFar: number, lo: number, hi: number, fresh: number, weight: number, defined: number, used: number): void {
    const tape = tapes[depth]!, child = tapes[depth + 1]!;
    const forced = depth < P ? prefix[depth]! : -1;
    for (let c = 0; c < K; c++) {
      if (forced >= 0 && c !== forced) continue;
      if (depth === 0 && c !== 6 && c !== 7) continue; // root: write c−6, Right, state 1
      if (c < 2) {
        // Halt writing c: the halting step is step stepsSoFar+1 ≤ maxSteps (checked by the caller).
        leaves++;
        if (!owns(depth + 1)) continue;
        const old = tape[head]!;
        tape[head] = c;
        count(tape, lo, hi, weight * pow[entries - defined - 1]!);
        tape[head] = old;
        continue;
      }
      const r1 = c - 2, r2 = r1 >> 1, next = r2 >> 1;
      let mult = 1, nextUsed = used;
      if (next > used) continue;
      if (next === used) {
        mult = depth === 0 ? n - 1 : n - used;
        nextUsed = used + 1;
      }
      def[e] = 1;
      wr[e] = r1 & 1;
      mv[e] = (r2 & 1) === 0 ? 1 : -1;
      nx[e] = next;
      child.set(tape.subarray(lo, hi + 1), lo);
      simulate(depth + 1, state, head, stepsSoFar, lo, hi, fresh, weight * mult, defined + 1, nextUsed);
      def[e] = 0;
    }
  }

  /** Does tape[a … a+len] equal saved[b … b+len]? */
  function translated(tape: Uint8Array, a: number, saved: Uint8Array, b: number, len: number): boolean {
    for (let i = 0; i <= len; i++) if (tape[a + i] !== saved[b + i]) return false;
    return true;
  }

  /** Is some state with an undefined entry reachable from `from` through defined transitions? */
  function canReachUndefined(from: number): boolean {
    let reach = 1 << from, frontier = reach;
    while (frontier !== 0) {
      let grow = 0;
      for (let q = 0; q < n; q++) {
        if ((frontier & (1 << q)) === 0) continue;
        for (let s = 0; s < 2; s++) {
          const e = 2 * q + s;
          if (def[e] === 0) return true;
          grow |= 1 << nx[e]!;
        }
      }
      frontier = grow & ~reach;
      reach |= grow;
    }
    return false;
  }

  /** Run from a configuration on tapes[depth] until halt, cut-off, pruning or an undefined entry. */
  function simulate(depth: number, state: number, head: number, t: number, lo: number, hi: number, fresh: number, weight: number, defined: number, used: number): void {
    const tape = tapes[depth]!, snap = snaps[depth]!;
    if (prune && !canReachUndefined(state)) {
      // No defined entry halts (a halting choice ends its branch at once), so only an undefined entry can
      // still lead to Halt: if none is reachable in the state graph, this branch never halts.
      leaves++;
      tape.fill(0, lo, hi + 1);
      return;
    }
    let sState = -1, sHead = 0, sLo = 0, sHi = 0, lag = 1, snapAt = t + 1;
    // Translated cycles: a saved right (left) record — state, position, tape — and the lowest (highest) head
    // position since; saved at the first record after steps t0+8, 2×, 4×, … (Brent-style doubling).
    const snapR = snapsR[depth]!, snapL = snapsL[depth]!;
    let rState = -1, rPos = 0, rLo = 0, rMin = 0, rNext = t + 8;
    let lState = -1, lPos = 0, lHi = 0, lMax = 0, lNext = t + 8;
    const t0 = t;
    for (;;) {
      if (t >= maxSteps) break; // cut-off
      const e = 2 * state + tape[head]!;
      if (def[e] === 0) {
        steps += t - t0;
        branch(depth, e, state, head, t, lo, hi, fresh, weight, defined, used);
        tape.fill(0, lo, hi + 1); // leave this level's tape blank for the next sibling
        return;
      }
      tape[head] = wr[e]!;
      t++;
      const d = mv[e]!;
      if (d === 0) {
        steps += t - t0;
        leaves++;
        if (owns(depth)) count(tape, lo, hi, weight * pow[entries - defined]!);
        tape.fill(0, lo, hi + 1);
        return;
      }
      head += d;
      state = nx[e]!;
      if (head < rMin) rMin = head;
      if (head > lMax) lMax = head;
      if (head < lo || head > hi) {
        if (head < lo) lo = head;
        else hi = head;
        const bit = 1 << state;
        if (prune && (fresh & bit) !== 0) break; // escapee
        fresh |= bit;
        if (prune && t >= t0 + 8) {
          if (head === hi) {
            if (state === rState && rMin >= rLo && translated(tape, head - (rPos - rMin), snapR, rMin, rPos - rMin)) break;
            if (t >= rNext) {
              rState = state; rPos = head; rLo = lo; rMin = head; rNext = t0 + 2 * (t - t0);
              snapR.set(tape.subarray(lo, hi + 1), lo);
            }
          } else {
            if (state === lState && lMax <= lHi && translated(tape, head, snapL, lPos, lMax - lPos)) break;
            if (t >= lNext) {
              lState = state; lPos = head; lHi = hi; lMax = head; lNext = t0 + 2 * (t - t0);
              snapL.set(tape.subarray(lo, hi + 1), lo);
            }
          }
        }
      } else fresh = 0;
      if (prune) {
        if (state === sState && head === sHead && lo === sLo && hi === sHi) {
          let same = true;
          for (let i = lo; i <= hi; i++) if (tape[i] !== snap[i]) { same = false; break; }
          if (same) break; // cycle
        }
        if (t === snapAt) {
          sState = state; sHead = head; sLo = lo; sHi = hi;
          snap.set(tape.subarray(lo, hi + 1), lo);
          lag *= 2;
          snapAt = t + lag;
        }
      }
    }
    steps += t - t0;
    leaves++;
    tape.fill(0, lo, hi + 1);
  }

  const tape0 = tapes[0]!;
  tape0.fill(0);
  simulate(0, 0, origin, 0, origin, origin, 0, 1, 0, 1);
  acc.halting += halting;
  acc.leaves += leaves;
  acc.steps += steps;
}
