/**
 * A reaction drawn as an icon from our one icon set: emoji need an emoji font, and many systems
 * (Linux desktops, this project's test machines) have none, so they would show as empty boxes.
 * The emoji itself stays what travels and what screen readers are told ("React 👍").
 */
import { Hand, Heart, Laugh, PartyPopper, Sparkles, ThumbsUp, Zap, type LucideIcon } from 'lucide-react'
import type { Reaction } from '../../protocol/presence.ts'

const icons: Record<Reaction, LucideIcon> = { '👍': ThumbsUp, '👏': Sparkles, '❤️': Heart, '😂': Laugh, '🎉': PartyPopper, '😮': Zap }

export function ReactionIcon({ emoji, size = 16 }: { emoji: Reaction; size?: number }) {
  const Icon = icons[emoji]
  return <Icon size={size} aria-hidden="true" className={`reaction-icon reaction-${Icon.displayName ?? 'icon'}`} />
}

export function HandIcon({ size = 16 }: { size?: number }) {
  return <Hand size={size} aria-hidden="true" className="hand-icon" />
}
