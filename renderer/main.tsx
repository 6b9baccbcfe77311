import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/inter/wght.css'
import { App } from './app/App.tsx'
import { compose } from './app/compose.ts'
import { CompositionContext } from './app/context.tsx'
import { createTheme } from './app/theme.ts'
import { ThemeContext } from './app/theme-context.tsx'
import './theme/tokens.css'
import './styles.css'

const composition = compose()
const theme = createTheme(composition.platform, composition.stores.session)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CompositionContext.Provider value={composition}>
      <ThemeContext.Provider value={theme}>
        <App />
      </ThemeContext.Provider>
    </CompositionContext.Provider>
  </StrictMode>,
)
void composition.office.boot()
