import { useSyncExternalStore } from 'react';
import type { LiveConnection } from './apollo';
import { describeFailure } from './errors';
import { useTranslator } from './i18n';

/** Whether live updates are flowing: every screen that subscribes shows it the same way. */
export function LiveStatusNotice({ live }: { live: LiveConnection }) {
  const { t } = useTranslator();
  const status = useSyncExternalStore(live.subscribe, live.current);
  const text = { connected: t('liveConnected'), reconnecting: t('liveReconnecting'), connecting: t('liveConnecting') }[
    status
  ];
  return (
    <p className={`live-status live-${status}`} role="status" data-live-status={status}>
      <span aria-hidden="true" className="live-dot" />
      {text}
    </p>
  );
}

/** A failed read as a sentence the viewer understands, with a way to try again. */
export function RequestError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const translator = useTranslator();
  const { code } = describeFailure(error);
  return (
    <div className="error" role="alert">
      <p>{code ? translator.errorMessage(code) : translator.t('errorNetwork')}</p>
      <button type="button" onClick={onRetry}>
        {translator.t('tryAgain')}
      </button>
    </div>
  );
}
