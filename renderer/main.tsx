import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { compose } from './app/compose.ts'
import { CompositionContext } from './app/context.tsx'
import './styles.css'

const composition = compose()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CompositionContext.Provider value={composition}>
      <App />
    </CompositionContext.Provider>
  </StrictMode>,
)
void composition.office.boot()
