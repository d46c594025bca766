// Grading tags in a review (`<!-- grade: P01 ○, P06 △ -->`): the reader, the
// tag language and the writer, gathered behind one import.
export { readTags, isOwnLine, type TagReading } from './read';
export { formatTag, parseTagBody, parseVerdict, removeTagEntry, setTagEntry, type TagBody } from './syntax';
export { applyEdits, setTagVerdict, stripTags, tagEdits, tagRemovalEdits } from './edits';
