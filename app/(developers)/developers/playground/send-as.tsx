'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { AuthMode } from './playground-parts';

/** Send as this browser's session or as an API key (kept in memory only). */
export function SendAs({
  auth,
  setAuth,
  apiKey,
  setApiKey,
  sessionOnly,
}: {
  auth: AuthMode;
  setAuth: (auth: AuthMode) => void;
  apiKey: string;
  setApiKey: (key: string) => void;
  sessionOnly: boolean;
}) {
  const [showKey, setShowKey] = useState(false);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Send as</legend>
      <div className="mt-2 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="auth"
            value="session"
            checked={auth === 'session'}
            onChange={() => setAuth('session')}
          />
          This browser’s session
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="auth"
            value="key"
            checked={auth === 'key'}
            onChange={() => setAuth('key')}
          />
          An API key
        </label>
      </div>
      {auth === 'key' && (
        <div className="mt-3">
          <label htmlFor="api-key" className="block text-sm font-medium text-slate-800">
            API key
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="api-key"
              type={showKey ? 'text' : 'password'}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              placeholder="tr_live_…"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="api-key-hint"
              className="w-full max-w-md rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
            />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="h-auto"
              onClick={() => setShowKey((v) => !v)}
              aria-pressed={showKey}
            >
              {showKey ? 'Hide' : 'Show'}
            </Button>
          </div>
          <p id="api-key-hint" className="mt-1 text-xs text-slate-600">
            Kept in this tab’s memory only and sent as <code>x-api-key</code>, without your session
            cookie, so you see exactly what your code will.
          </p>
          {sessionOnly && (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
              This operation accepts only a signed-in session; an API key is refused.
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
