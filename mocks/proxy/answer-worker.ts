// The answer checks of a proxy in a worker thread beside it: parsing and checking a large answer (100 records are a
// quarter of a megabyte) takes milliseconds the proxy's own thread then spends passing bytes on instead. The worker is
// the command's own module started again (`entry`), which runs `runAnswerWorker` when it finds itself a worker; where
// no entry is given (the proxy started in-process, in tests) or the worker cannot start, the checks run in-thread.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkAnswer, type AnswerToCheck, type CheckedAnswer } from './answer-check.js';

/** What `workerData.kind` says in a worker of this kind. */
export const ANSWER_WORKER = 'agent-engine-kit-proxy-answers';

/** Answers smaller than this are checked in-thread: a message to the worker costs about as much. */
const WORKER_FROM_BYTES = 16 * 1024;

interface Pending {
  resolve: (answer: CheckedAnswer) => void;
  input: AnswerToCheck;
}

/** Whether this thread is a proxy's answer worker (then the module that started it must call runAnswerWorker). */
export const isAnswerWorker = () => !isMainThread && (workerData as { kind?: string } | null)?.kind === ANSWER_WORKER;

/** The worker's side: checks each answer it is sent and posts the problems back. */
export function runAnswerWorker(): void {
  parentPort!.on('message', (message: { id: number; input: AnswerToCheck }) => {
    let answer: CheckedAnswer;
    try {
      answer = checkAnswer(message.input);
    } catch (error) {
      answer = { problems: [{ pointer: '', message: `the check failed: ${(error as Error).message}` }] };
    }
    parentPort!.postMessage({ id: message.id, answer });
  });
}

/** The proxy's side: a check per answer, in the worker when there is one and the answer is large. */
export class AnswerChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(
    entry?: URL,
    /** Says, once, that the worker failed and the checks run in-thread from then on. */
    private readonly warn: (line: string) => void = () => {},
  ) {
    if (!entry) return;
    try {
      this.worker = new Worker(entry, { workerData: { kind: ANSWER_WORKER } });
      this.worker.unref();
      this.worker.on('message', ({ id, answer }: { id: number; answer: CheckedAnswer }) => {
        this.pending.get(id)?.resolve(answer);
        this.pending.delete(id);
      });
      // A worker that fails (it could not load, it ran out of memory): its checks, and the next ones, run here.
      this.worker.on('error', () => this.fallBack());
      this.worker.on('exit', () => this.fallBack());
    } catch {
      this.worker = undefined;
    }
  }

  /** The answer's problems (and its parsed body when `keepBody`, which is checked in-thread). */
  check(input: AnswerToCheck, keepBody = false): Promise<CheckedAnswer> {
    if (!this.worker || keepBody || (input.bytes?.byteLength ?? 0) < WORKER_FROM_BYTES)
      return Promise.resolve(checkAnswer(input, keepBody));
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, input });
      // Copied, not handed over: should the worker fail, the check runs here on the same bytes.
      this.worker!.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private fallBack(): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.warn('proxy: the answer-check worker stopped; answers are checked in the proxy thread from now on');
    for (const [id, { resolve, input }] of this.pending) {
      this.pending.delete(id);
      resolve(checkAnswer(input));
    }
  }
}
