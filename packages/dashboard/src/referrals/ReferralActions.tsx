import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReferralDetailsFragment } from '../gql/graphql';
import { useTranslator, type MessageKey } from '../i18n';
import { BedAvailabilityChangedSubscription, BedAvailabilityQuery } from '../operations';
import {
  AcceptReferralMutation,
  CancelReferralMutation,
  CompleteReferralMutation,
  DeclineReferralMutation,
  WithdrawReferralMutation,
} from './operations';
import { availableActions, type ReferralAction, type Viewer } from './rules';
import { failureSentence } from './shared';

const ACTION_LABELS: Record<ReferralAction, MessageKey> = {
  accept: 'referralActionAccept',
  decline: 'referralActionDecline',
  withdraw: 'referralActionWithdraw',
  complete: 'referralActionComplete',
  cancel: 'referralActionCancel',
};
const DONE_MESSAGES: Record<ReferralAction, MessageKey> = {
  accept: 'referralDoneAccept',
  decline: 'referralDoneDecline',
  withdraw: 'referralDoneWithdraw',
  complete: 'referralDoneComplete',
  cancel: 'referralDoneCancel',
};
/** Steps that need a reason; withdrawing takes one optionally. */
const REASON: Partial<Record<ReferralAction, 'required' | 'optional'>> = {
  decline: 'required',
  cancel: 'required',
  withdraw: 'optional',
};
const WITHOUT_BED = '';

/**
 * Exactly the steps the viewer may take now. A refused step is shown as a sentence and the referral is
 * re-read (`onSettled`), so the screen shows the true state rather than the one the viewer acted on.
 */
export function ReferralActions({
  referral,
  viewer,
  onSettled,
}: {
  referral: ReferralDetailsFragment;
  viewer: Viewer;
  onSettled(): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const actions = availableActions(referral, viewer);
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = open && actions.includes(open) ? open : null;
  // A live update moved the referral on while the viewer was answering: say so instead of just closing.
  const [acting, setActing] = useState(false);
  const overtaken = open !== null && chosen === null && !acting && problem === null;

  return (
    <section aria-labelledby="referral-actions-title" className="panel referral-actions">
      <h2 id="referral-actions-title">{t('referralActionsTitle')}</h2>
      {actions.length === 0 ? (
        <p className="note">{t('referralNoActions')}</p>
      ) : (
        <div className="action-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'accept' || action === 'complete' ? undefined : 'secondary'}
              aria-expanded={chosen === action}
              onClick={() => {
                setProblem(null);
                setOpen(chosen === action ? null : action);
              }}
            >
              {t(ACTION_LABELS[action])}
            </button>
          ))}
        </div>
      )}
      {chosen && (
        <ActionForm
          key={chosen}
          action={chosen}
          referral={referral}
          viewer={viewer}
          onStart={() => setActing(true)}
          onDone={() => {
            setActing(false);
            setOpen(null);
            setProblem(null);
            setAnnouncement(t(DONE_MESSAGES[chosen], { code: referral.code }));
            onSettled();
          }}
          onRefused={(sentence) => {
            setActing(false);
            setOpen(null);
            setProblem(sentence);
            onSettled();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {overtaken && (
        <div className="notice" role="status">
          <p>
            {t('referralOvertaken', {
              action: t(ACTION_LABELS[open]),
              status: t(`referralStatus_${referral.status}`),
            })}
          </p>
        </div>
      )}
      {problem && (
        <div className="error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

function ActionForm({
  action,
  referral,
  viewer,
  onStart,
  onDone,
  onRefused,
  onClose,
}: {
  action: ReferralAction;
  referral: ReferralDetailsFragment;
  viewer: Viewer;
  onStart(): void;
  onDone(): void;
  onRefused(sentence: string): void;
  onClose(): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [missingReason, setMissingReason] = useState(false);
  const reasonId = useId();
  const hintId = useId();
  const [accept, accepting] = useMutation(AcceptReferralMutation);
  const [decline, declining] = useMutation(DeclineReferralMutation);
  const [withdraw, withdrawing] = useMutation(WithdrawReferralMutation);
  const [complete, completing] = useMutation(CompleteReferralMutation);
  const [cancel, cancelling] = useMutation(CancelReferralMutation);
  const busy = [accepting, declining, withdrawing, completing, cancelling].some((state) => state.loading);
  const reasonRule = REASON[action];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (reasonRule === 'required' && !text) {
      setMissingReason(true);
      return;
    }
    const id = referral.id;
    onStart();
    try {
      if (action === 'accept') await accept({ variables: { id, unitId: unitId || null } });
      if (action === 'decline') await decline({ variables: { id, reason: text } });
      if (action === 'withdraw') await withdraw({ variables: { id, reason: text || null } });
      if (action === 'complete') await complete({ variables: { id } });
      if (action === 'cancel') await cancel({ variables: { id, reason: text } });
      onDone();
    } catch (error) {
      onRefused(failureSentence(translator, error));
    }
  };

  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} aria-label={t(ACTION_LABELS[action])}>
      {action === 'accept' && <UnitPicker referral={referral} viewer={viewer} unitId={unitId} onChange={setUnitId} />}
      {action === 'complete' && <p>{t('referralCompleteExplained')}</p>}
      {reasonRule && (
        <div className="field wide">
          <label htmlFor={reasonId}>
            {reasonRule === 'required' ? t('referralReason') : t('referralReasonOptional')}
          </label>
          <textarea
            id={reasonId}
            value={reason}
            rows={3}
            maxLength={2000}
            aria-required={reasonRule === 'required'}
            aria-invalid={missingReason || undefined}
            aria-describedby={missingReason ? hintId : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setMissingReason(false);
            }}
          />
          {missingReason && (
            <p id={hintId} className="field-problem">
              {t('referralProblemReason')}
            </p>
          )}
        </div>
      )}
      <div className="action-buttons">
        <button type="submit" disabled={busy}>
          {busy ? t('saving') : t(ACTION_LABELS[action])}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The receiving organisation's units that can take this person (sex, age) and have a free bed now, the
 * referred facility first; kept current by the bed board's live updates. Accepting without a bed is allowed.
 */
function UnitPicker({
  referral,
  viewer,
  unitId,
  onChange,
}: {
  referral: ReferralDetailsFragment;
  viewer: Viewer;
  unitId: string | null;
  onChange(unitId: string | null): void;
}) {
  const { t } = useTranslator();
  const pickerId = useId();
  const { subject } = referral;
  const ageKnown = subject.age !== null;
  const { data, loading, refetch } = useQuery(BedAvailabilityQuery, {
    variables: { filter: { sex: subject.sex, age: subject.age, availableOnly: true } },
    skip: !ageKnown,
  });
  useSubscription(BedAvailabilityChangedSubscription, { onData: () => void refetch(), skip: !ageKnown });
  const units = (data?.bedAvailability ?? [])
    .filter((unit) => unit.facility.organisation.id === viewer.organisationId)
    .sort(
      (a, b) =>
        Number(b.facility.id === referral.toFacility?.id) - Number(a.facility.id === referral.toFacility?.id) ||
        a.facility.name.localeCompare(b.facility.name) ||
        a.name.localeCompare(b.name),
    );
  const firstUnitId = units[0]?.id;
  useEffect(() => {
    if (unitId === null && firstUnitId) onChange(firstUnitId);
  }, [unitId, firstUnitId, onChange]);

  if (loading) return <p role="status">{t('loading')}</p>;
  return (
    <div className="field wide">
      <label htmlFor={pickerId}>{t('referralUnitPicker')}</label>
      <select id={pickerId} value={unitId ?? WITHOUT_BED} onChange={(event) => onChange(event.target.value)}>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {t('referralUnitOption', {
              unit: `${unit.facility.name}, ${unit.name}`,
              free: unit.available,
            })}
          </option>
        ))}
        <option value={WITHOUT_BED}>{t('referralWithoutBed')}</option>
      </select>
      {!ageKnown ? (
        <p className="note">{t('referralAgeUnknownNoBed')}</p>
      ) : (
        units.length === 0 && <p className="note">{t('referralNoEligibleUnit')}</p>
      )}
    </div>
  );
}
