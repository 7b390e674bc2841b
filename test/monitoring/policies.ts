import { readFileSync } from 'node:fs';
import type { EvaluatedDecision } from '../../src/decisions/evaluate-decision.ts';
import type { DecisionFacts } from '../../src/decisions/decision-facts.ts';
import type { SimulationRecord } from '../../src/monitoring/simulation.ts';
import { toJson } from '../../src/platform/database/database.ts';
import type { ZenObject } from '../../src/policy/index.ts';

/** The shipped default policy graph, freshly parsed (callers may change their copy). */
export function defaultPolicyGraph(): JdmGraph {
  return JSON.parse(
    readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
  ) as JdmGraph;
}

export interface JdmGraph {
  nodes: Array<{ id: string; content?: { rules?: Array<Record<string, string>> } }>;
  [key: string]: unknown;
}

/**
 * How a candidate changes a policy; every knob at 0 (scale 1) leaves it as it is. Positive knobs tighten,
 * negative ones loosen.
 */
export interface Tightening {
  /** Points added to each product's score cut-off. */
  readonly cutoffRaise: { readonly cash_loan: number; readonly credit_line: number };
  /** Points added to the referral band above the cut-off. */
  readonly bandRaise: number;
  /** How many fewer applications in 30 days knock out (the default knocks out from 6). */
  readonly multiHeadStricter: number;
  /** Limit matrix entries scaled by this (≤ 1), kept in whole yuan. */
  readonly limitScale: number;
  /** Added to every price in the pricing table (≥ 0), in basis points. */
  readonly priceRaiseBps: number;
}

const rows = (graph: JdmGraph, nodeId: string): Array<Record<string, string>> => {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node?.content?.rules) throw new Error(`the default policy has no table ${nodeId}`);
  return node.content.rules;
};

/** A policy (default: the shipped one) with the knobs applied, as a JDM graph: the candidate a risk team tries. */
export function tightenedPolicy(tightening: Tightening, base: JdmGraph = defaultPolicyGraph()): JdmGraph {
  const graph = JSON.parse(JSON.stringify(base)) as JdmGraph;
  for (const rule of rows(graph, 'cutoffs')) {
    const product = rule.co_product === '"cash_loan"' ? 'cash_loan' : 'credit_line';
    rule.co_cutoff = String(Number(rule.co_cutoff) + tightening.cutoffRaise[product]);
    rule.co_band = String(Number(rule.co_band) + tightening.bandRaise);
  }
  for (const rule of rows(graph, 'knockouts')) {
    if (rule._id !== 'ko-multi-head') continue;
    const knockoutAt = Number(/>= (\d+)/.exec(rule.ko_inq ?? '')?.[1]) - tightening.multiHeadStricter;
    rule.ko_inq = `>= ${knockoutAt}`;
    rule.ko_threshold = String(knockoutAt - 1);
  }
  for (const rule of rows(graph, 'limits')) {
    rule.lm_limit = String(Math.floor((Number(rule.lm_limit) * tightening.limitScale) / 100) * 100);
  }
  for (const rule of rows(graph, 'pricing')) {
    const bps = Math.round(Number(rule.pr_apr) * 10_000) + tightening.priceRaiseBps;
    rule.pr_apr = String(bps / 10_000);
  }
  return graph;
}

/** A decision as the decisions context records it, seen through the stored columns a simulation reads. */
export function simulationRecordOf(
  id: string,
  facts: DecisionFacts,
  evaluated: EvaluatedDecision,
  policyChecksum: string,
): SimulationRecord {
  return {
    id,
    decisionDate: facts.asOfDate,
    productCode: facts.productCode,
    arm: 'champion',
    kind: 'application',
    outcome: evaluated.outcome,
    limit: evaluated.limit,
    apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
    score: evaluated.score.score,
    pd: evaluated.score.pd,
    policyChecksum,
    // Stored as json and read back: the simulation sees what a database round trip gives.
    policyDocument: JSON.parse(toJson(evaluated.policyDocument)) as ZenObject,
    legalCap: evaluated.legalCap,
  };
}
