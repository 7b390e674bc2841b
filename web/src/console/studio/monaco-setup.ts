import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';

/**
 * Monaco from our own bundle, never a CDN: @monaco-editor/react would otherwise fetch the editor from
 * jsdelivr (blocked by our CSP, and a third party on a lender's back office). The workers are Vite worker
 * chunks served from our origin. No TypeScript worker: Credence refuses function nodes, the only place the
 * editor would need it (the plain editor worker serves the rest).
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco };
