// Where a client signs in to the portal. With Cognito: Amplify UI's Authenticator against the
// portal pool (sign-in and the first change of a temporary password; no self sign-up: a client
// administrator or the agency invites users). With the local issuer: the same form as staff.
// Its own lazy chunk: Amplify UI never reaches the staff app's bundle.
import { useEffect, useRef, useState } from 'react';
import { Authenticator, ThemeProvider, type Theme } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { signIn, type SignInInput } from 'aws-amplify/auth';
import { useAuth } from '@/lib/auth';
import { selectPool } from '@/lib/cognito-session';
import { authFlowFor, type RuntimeConfig } from '@/lib/runtime-config';
import { describeError } from '@/lib/api';
import { useTheme } from '@/lib/theme';
import SignInPage from '@/pages/sign-in/sign-in-page';
import { BrandMark } from '@/shell/brand-mark';

/** The Authenticator in the app's own colours (its CSS variables read ours). */
const PORTAL_THEME: Theme = {
  name: 'pivotal-portal',
  tokens: {
    colors: {
      background: { primary: { value: 'var(--card)' }, secondary: { value: 'var(--muted)' } },
      font: { primary: { value: 'var(--foreground)' }, secondary: { value: 'var(--muted-foreground)' }, interactive: { value: 'var(--primary)' } },
      border: { primary: { value: 'var(--border)' } },
      primary: {
        10: { value: 'var(--primary-subtle)' },
        80: { value: 'var(--primary)' },
        90: { value: 'var(--primary)' },
        100: { value: 'var(--primary)' },
      },
    },
    components: {
      // The primary button's text in our own foreground on primary (dark text in dark mode).
      button: {
        primary: {
          color: { value: 'var(--primary-foreground)' },
          _hover: { color: { value: 'var(--primary-foreground)' } },
          _focus: { color: { value: 'var(--primary-foreground)' } },
          _active: { color: { value: 'var(--primary-foreground)' } },
        },
      },
    },
    radii: { small: { value: '0.375rem' }, medium: { value: '0.5rem' } },
  },
};

function AdoptSession() {
  const { adoptPortalSession } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    adoptPortalSession().catch((caught: unknown) => setError(describeError(caught)));
  }, [adoptPortalSession]);
  return error ? (
    <p role="alert" className="text-sm text-danger-text">
      {error}
    </p>
  ) : (
    <p className="text-sm text-muted-foreground" aria-live="polite">
      Signing in…
    </p>
  );
}

function CognitoPortalSignIn({ config }: { config: RuntimeConfig }) {
  // The pool is chosen before the Authenticator first asks Amplify who is signed in.
  useState(() => selectPool(config, 'portal'));
  const { theme } = useTheme();
  const authFlowType = authFlowFor(config);
  return (
    <ThemeProvider theme={PORTAL_THEME} colorMode={theme}>
      <Authenticator
        hideSignUp
        services={{ handleSignIn: ((input: SignInInput) => signIn({ ...input, options: { ...input.options, authFlowType } })) as typeof signIn }}
      >
        {() => <AdoptSession />}
      </Authenticator>
    </ThemeProvider>
  );
}

export default function PortalSignInPage() {
  const { runtimeConfig } = useAuth();
  useEffect(() => {
    document.title = 'Sign in · Client portal';
  }, []);
  if (runtimeConfig?.authMode !== 'cognito') return <SignInPage />;
  return (
    <main className="grid min-h-dvh place-items-center bg-background px-6 py-12 text-foreground">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center gap-3">
          <BrandMark />
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Client portal</h1>
            <p className="text-sm text-muted-foreground">Sign in to order leads and follow their delivery.</p>
          </div>
        </div>
        <CognitoPortalSignIn config={runtimeConfig} />
      </div>
    </main>
  );
}
