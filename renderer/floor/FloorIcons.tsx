/**
 * The three icons the floor shows from its first paint (a room's lock and people, the camera's
 * "find me"), drawn here in lucide's geometry and stroke (24-unit box, 2-unit round strokes in
 * the text colour) so the start-up bundle carries no icon library; everything drawn later uses
 * lucide-react as usual.
 */
import type { ReactNode, SVGProps } from 'react'

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number; children?: ReactNode }

function FloorIcon({ size = 24, children, shape, className, ...rest }: IconProps & { shape: ReactNode }) {
  return (
    <svg
      // The class lucide-react gives its icons: styles and checks that know the app's icons by it hold.
      className={className ? `lucide ${className}` : 'lucide'}
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={rest['aria-label'] ? undefined : true}
      {...rest}
    >
      {children}
      {shape}
    </svg>
  )
}

export const LockIcon = (props: IconProps) => (
  <FloorIcon
    {...props}
    shape={
      <>
        <rect width="18" height="11" x="3" y="11" rx="2" ry="2" />
        <path d="M7 11V7a5 5 0 0 1 10 0v4" />
      </>
    }
  />
)

export const UsersIcon = (props: IconProps) => (
  <FloorIcon
    {...props}
    shape={
      <>
        <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
        <path d="M16 3.128a4 4 0 0 1 0 7.744" />
        <path d="M22 21v-2a4 4 0 0 0-3-3.87" />
        <circle cx="9" cy="7" r="4" />
      </>
    }
  />
)

export const LocateIcon = (props: IconProps) => (
  <FloorIcon
    {...props}
    shape={
      <>
        <line x1="2" x2="5" y1="12" y2="12" />
        <line x1="19" x2="22" y1="12" y2="12" />
        <line x1="12" x2="12" y1="2" y2="5" />
        <line x1="12" x2="12" y1="19" y2="22" />
        <circle cx="12" cy="12" r="7" />
        <circle cx="12" cy="12" r="3" />
      </>
    }
  />
)
