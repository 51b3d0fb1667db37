// Social publishing's routes (under /api/content/social): connected accounts (connecting and
// disconnecting is content.configure) and posts (content.read to see the calendar, content.create
// to write, schedule, cancel and retry). shared/contracts/content-social.ts lists them.
import {
  accountParams,
  connectAccountSchema,
  createPostSchema,
  listPostsQuerySchema,
  postParams,
  updatePostSchema,
} from '@shared/contracts/content-social';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';
import { connectAccount, disconnectAccount, listAccounts } from './accounts';
import { cancelPost, createPost, deletePost, getPost, listPosts, retryPost, updatePost } from './posts';
import { socialKitOf } from './social-kit';

const BASE = '/api/content/social';

export function socialRoutes(_hooks: ContentHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: `${BASE}/accounts`,
      capability: 'content.read',
      summary: 'The connected social accounts (never their tokens)',
      handler: async ({ deps }) => ({ items: await listAccounts(deps.db) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/accounts`,
      capability: 'content.configure',
      summary: 'Connect a LinkedIn, X or Facebook account with its access token (verified with the platform, sealed at rest; the same account again gets the new token)',
      body: connectAccountSchema,
      handler: async ({ deps, body, actor }) => reply(201, await connectAccount(deps, socialKitOf(deps), body, actor.userId)),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/accounts/{accountId}`,
      capability: 'content.configure',
      summary: 'Disconnect an account: its token is forgotten, the account and its posts stay',
      params: accountParams,
      handler: async ({ deps, params }) => disconnectAccount(deps, socialKitOf(deps), params.accountId),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/posts`,
      capability: 'content.read',
      summary: 'The posts of a period (by when they went out, are to go, or were written), for the calendar',
      query: listPostsQuerySchema,
      handler: async ({ deps, query }) => ({ items: await listPosts(deps.db, query) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/posts`,
      capability: 'content.create',
      summary: 'Write a post: a draft, or scheduled when it has a time (checked against the platform’s length limit)',
      body: createPostSchema,
      handler: async ({ deps, body, actor }) => reply(201, await createPost(deps, socialKitOf(deps), body, actor.userId)),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/posts/{postId}`,
      capability: 'content.read',
      summary: 'One post with its state, attempts and last error',
      params: postParams,
      handler: async ({ deps, params }) => getPost(deps.db, params.postId),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/posts/{postId}`,
      capability: 'content.create',
      summary: 'Change a draft or scheduled post: its text, link or time (null makes it a draft again)',
      params: postParams,
      body: updatePostSchema,
      handler: async ({ deps, params, body }) => updatePost(deps, socialKitOf(deps), params.postId, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/posts/{postId}`,
      capability: 'content.create',
      summary: 'Delete a draft or cancelled post',
      params: postParams,
      handler: async ({ deps, params }) => noContent(deletePost(deps, params.postId)),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/posts/{postId}/cancel`,
      capability: 'content.create',
      summary: 'Cancel a draft, scheduled or failed post: it will not go out',
      params: postParams,
      handler: async ({ deps, params }) => cancelPost(deps, socialKitOf(deps), params.postId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/posts/{postId}/retry`,
      capability: 'content.create',
      summary: 'Send a failed post again now, with a fresh round of automatic attempts',
      params: postParams,
      handler: async ({ deps, params }) => retryPost(deps, socialKitOf(deps), params.postId),
    }),
  ];
}
