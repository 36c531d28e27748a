/**
 * Scores of a clustering against gold labels: pairwise precision/recall/F1
 * (over all pairs of items put together) and B-cubed (per item, averaged).
 */

export interface ClusterScores {
  pairwise: { precision: number; recall: number; f1: number; predictedPairs: number; goldPairs: number; truePairs: number };
  bcubed: { precision: number; recall: number; f1: number };
  predictedClusters: number;
  goldClusters: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number): number => (n * (n - 1)) / 2;

function groupSizes<T>(labels: T[]): Map<T, number> {
  const sizes = new Map<T, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return sizes;
}

/** `predicted[i]` and `gold[i]` are the cluster labels of item i. */
export function scoreClusters(predicted: string[], gold: string[]): ClusterScores {
  if (predicted.length !== gold.length) throw new Error('predicted and gold label lists differ in length');
  const n = predicted.length;
  const predictedSizes = groupSizes(predicted);
  const goldSizes = groupSizes(gold);
  const joint = groupSizes(predicted.map((p, i) => `${p}\u0000${gold[i]}`));

  let predictedPairs = 0;
  for (const s of predictedSizes.values()) predictedPairs += pairs(s);
  let goldPairs = 0;
  for (const s of goldSizes.values()) goldPairs += pairs(s);
  let truePairs = 0;
  for (const s of joint.values()) truePairs += pairs(s);
  const pp = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const pr = goldPairs === 0 ? 1 : truePairs / goldPairs;

  // B-cubed: for item i, precision = |pred(i) ∩ gold(i)| / |pred(i)|, recall = ... / |gold(i)|.
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${gold[i]}`)!;
    bp += both / predictedSizes.get(predicted[i]!)!;
    br += both / goldSizes.get(gold[i]!)!;
  }
  bp = n === 0 ? 1 : bp / n;
  br = n === 0 ? 1 : br / n;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr), predictedPairs, goldPairs, truePairs },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    predictedClusters: predictedSizes.size,
    goldClusters: goldSizes.size,
  };
}
