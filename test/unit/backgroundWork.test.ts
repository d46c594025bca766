// Foreground before round-wide work (extension/backgroundWork.ts): background
// work waits while an editor feature's grading is in flight, and the slicer
// gives the event loop back only once a slice of work has passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Slicer, WorkQueue } from '../../src/extension/backgroundWork';

test('idle() waits until every foreground piece of work has ended', async () => {
  const q = new WorkQueue();
  const order: string[] = [];
  const endA = q.begin();
  const endB = q.begin();
  const waiting = q.idle().then(() => order.push('background'));
  await new Promise((r) => setTimeout(r, 5));
  order.push('A done');
  endA();
  endA(); // ending twice counts once
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(order, ['A done'], 'background ran while B was in flight');
  endB();
  await waiting;
  assert.deepEqual(order, ['A done', 'background']);
  await q.idle(); // nothing in flight: at once
});

test('a foreground grading that starts while background work waits keeps it waiting', async () => {
  const q = new WorkQueue();
  const end1 = q.begin();
  let ran = false;
  const waiting = q.idle().then(() => (ran = true));
  end1();
  const end2 = q.begin(); // arrives before the waiter resumes
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(ran, false);
  end2();
  await waiting;
  assert.equal(ran, true);
});

test('the slicer gives the event loop back only once its budget of work has passed', async () => {
  const s = new Slicer(15);
  let timerRan = false;
  setTimeout(() => (timerRan = true), 0);
  await s.pause(); // no time spent yet: no turn of the event loop
  assert.equal(timerRan, false, 'yielded before the budget was used');
  const start = performance.now();
  while (performance.now() - start < 20) {
    /* a slice of work */
  }
  await s.pause();
  assert.equal(timerRan, true, 'did not yield after the budget');
  timerRan = false;
  setTimeout(() => (timerRan = true), 0);
  await s.pause(); // the slice starts again after a yield
  assert.equal(timerRan, false);
});
