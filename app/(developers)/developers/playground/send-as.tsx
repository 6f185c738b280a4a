'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
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
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name="auth"
            value="session"
            checked={auth === 'session'}
            onChange={() => setAuth('session')}
          />
          This browser’s session
        </label>
        <label className="flex min-h-11 items-center gap-2">
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
          <Label htmlFor="api-key">API key</Label>
          <div className="mt-1 flex gap-2">
            <Input
              id="api-key"
              type={showKey ? 'text' : 'password'}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              placeholder="tr_test_… or tr_live_…"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="api-key-hint"
              className="mt-0 h-11 max-w-md font-mono sm:h-9"
            />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="h-11 sm:h-9"
              onClick={() => setShowKey((v) => !v)}
              aria-pressed={showKey}
            >
              {showKey ? 'Hide' : 'Show'}
            </Button>
          </div>
          <p id="api-key-hint" className="mt-1 text-xs text-slate-600">
            Kept in this tab’s memory only and sent as <code>x-api-key</code>, without your session
            cookie, so you see exactly what your code will.{' '}
            {apiKey.trim().startsWith('tr_test_') ? (
              <strong className="font-medium text-amber-900">
                A test key: nothing is charged, results are local previews.
              </strong>
            ) : apiKey.trim().startsWith('tr_live_') ? (
              <strong className="font-medium text-slate-900">
                A live key: calls spend credits.
              </strong>
            ) : null}
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
