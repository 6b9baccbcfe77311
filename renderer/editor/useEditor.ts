/** React access to the host's editor (built in the composition root) and its store. */
import { useStore } from 'zustand'
import { useComposition } from '../app/context.tsx'
import type { Editor } from './editor.ts'
import type { EditorState } from './store.ts'

export const useEditor = (): Editor => useComposition().editor
export const useEditorState = <T,>(select: (s: EditorState) => T): T => useStore(useComposition().editor.store, select)
