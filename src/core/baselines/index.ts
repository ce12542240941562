/** Public API of the correlation baselines (see symbolic/README.md). */
export { fitPolynomial, predictPolynomial, type Polynomial } from "./polynomial";
export { fitKnn, predictKnn, type Knn } from "./knn";
export { fitMlp, predictMlp, type Mlp, type MlpOptions } from "./mlp";
export { fitKGram, sampleKGram, greedyKGram, probOne, kgramLogLoss, type KGram } from "./kgram";
export { compareBaselines, rmsError, type BaselineErrors } from "./extrapolation";
