// Query keys of the content screens, shared by the library, drafting, social, the Resources
// Centre and tracking so a write in one part refreshes what the others show.
export const CONTENT_API = '/api/content';

export const contentKeys = {
  all: ['content'] as const,
  assets: ['content', 'assets'] as const,
  asset: (id: string) => ['content', 'assets', id] as const,
  versions: (id: string) => ['content', 'assets', id, 'versions'] as const,
  usage: (id: string) => ['content', 'assets', id, 'usage'] as const,
  report: (id: string) => ['content', 'assets', id, 'report'] as const,
  pushes: (id: string) => ['content', 'assets', id, 'pushes'] as const,
  drafting: ['content', 'drafting'] as const,
  social: ['content', 'social'] as const,
  resourcesCentre: ['content', 'resources-centre'] as const,
};
