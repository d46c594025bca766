// Grading tags in a review (`<!-- grade: P01 ○, P06 △ -->`): the reader, the
// tag language, the writer, and what the editor suggests writing, gathered
// behind one import.
export { readTags, isOwnLine, ownerOf, type TagReading } from './tags/read';
export { formatTag, parseTagBody, parseVerdict, removeTagEntry, setTagEntry, type TagBody } from './tags/syntax';
export { applyEdits, setTagVerdict, stripTags, tagEdits, tagRemovalEdits } from './tags/edits';
export { entriesOf, withProblem } from './tags/entries';
export { findingRef, isFindingRef, resolveFindingRef, type FindingRef, type Resolution } from './tags/findingRef';
export { acceptAllPlan, candidatesFor, withDisputed, type AcceptAllPlan, type Candidate, type DisputedSuggestion } from './tags/suggestions';
