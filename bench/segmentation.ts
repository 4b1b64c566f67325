/**
 * `npx tsx bench/segmentation.ts`: which tokenizer finds near-duplicate appeals best?
 * Each text is a query; the others are ranked by TF-IDF cosine; a hit is a text of the same
 * group. Prints precision@1, mean reciprocal rank and tokenizing speed per tokenizer.
 */
import { evaluateTokenizers } from './segmentation-eval.js';

const rows = evaluateTokenizers();
console.log('| Tokenizer | precision@1 | MRR | Traditional query → Simplified match @1 | µs per text |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.p1.toFixed(3)} | ${r.mrr.toFixed(3)} | ${r.traditionalP1.toFixed(3)} | ${r.microsPerText.toFixed(1)} |`);
