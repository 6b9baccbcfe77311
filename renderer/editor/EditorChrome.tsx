/** The editor's panels around the floor, loaded on demand when a host turns on Edit floor. */
import { EditorBar } from './EditorBar.tsx'
import { EditorPalette } from './panels/EditorPalette.tsx'
import { FloorsPanel } from './panels/FloorsPanel.tsx'
import { ImportExport } from './panels/ImportExport.tsx'
import { PropertiesPanel } from './panels/PropertiesPanel.tsx'

export function EditorTop() {
  return (
    <div className="editor-top">
      <EditorBar />
      <EditorPalette />
      <ImportExport />
    </div>
  )
}

export function EditorSide() {
  return (
    <section className="editor-side" aria-label="Floor editor panels">
      <PropertiesPanel />
      <FloorsPanel />
    </section>
  )
}
