/**
 * The Element Timing API's attribute (https://wicg.github.io/element-timing/), which React passes
 * through as written but whose types do not list it: an element so marked gets a
 * PerformanceElementTiming entry when it first paints.
 */
import 'react'

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- merged with React's, whose parameter it must repeat
  interface HTMLAttributes<T> {
    elementtiming?: string
  }
}
