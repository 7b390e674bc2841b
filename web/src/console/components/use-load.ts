export { useLoad, asProblem } from '../../components/use-load.ts';
