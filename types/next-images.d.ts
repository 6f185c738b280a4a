// Static image imports (`import photo from '@/public/….webp'`) are typed by
// Next's global image declarations, which the generated, git-ignored
// next-env.d.ts references only after a first `next dev`/`next build`. This
// committed reference lets `tsc` pass on a fresh clone before any build.
/// <reference types="next/image-types/global" />
