// Grading tags in a review (`<!-- grade: P01 ○, P06 △ -->`): the reader, the
// tag language, the writer, and what the editor suggests writing, gathered
// behind one import.
export { readTags, isOwnLine, ownerOf, type TagReading } from './read';
export { formatTag, parseTagBody, parseVerdict, removeTagEntry, setTagEntry, type TagBody } from './syntax';
export { applyEdits, setTagVerdict, stripTags, tagEdits, tagRemovalEdits } from './edits';
export { entriesOf, withProblem } from './entries';
export { findingRef, isFindingRef, resolveFindingRef, type FindingRef, type Resolution } from './findingRef';
export { acceptAllPlan, candidatesFor, withDisputed, type AcceptAllPlan, type Candidate, type DisputedSuggestion } from './suggestions';
