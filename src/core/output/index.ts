// Outputs: sealing what the tool writes and deciding what it may replace.
export {
  sealOutput,
  existingState,
  mayReplace,
  refusalMessage,
  refusalReason,
  type ExistingState,
  type Refusal,
  type ReplaceDecision,
} from './seal';
export { sha256, sha256Bytes } from './sha256';
