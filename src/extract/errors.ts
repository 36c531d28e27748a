// Extraction throws the project's shared error type (codes 'too-large', 'timeout').
export { NewsgraphError } from '../util/errors.js';
