import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import type { ConsentGivenBy, ConsentPurpose } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { RecordConsentMutation } from './operations';
import './subjects.css';

export const CONSENT_GIVERS: readonly ConsentGivenBy[] = ['GUARDIAN', 'CHILD_WELFARE_COMMITTEE', 'COURT', 'SUBJECT'];

export interface ConsentDraft {
  record: boolean;
  givenBy: ConsentGivenBy;
  expiresOn: string;
}

export interface ConsentChoice {
  draft: ConsentDraft;
  setDraft(draft: ConsentDraft): void;
  /** Records the consent drafted (once per subject, organisation and terms), or answers null when none is. */
  consentFor(subjectId: string, organisationId: string): Promise<string | null>;
}

/**
 * A consent to share a subject's identity with another organisation for `purpose`, recorded when the form is
 * sent. A consent already recorded for the same terms is reused, so a retry after a refusal records no second.
 */
export function useConsentChoice(purpose: ConsentPurpose): ConsentChoice {
  const [draft, setDraft] = useState<ConsentDraft>({ record: true, givenBy: 'GUARDIAN', expiresOn: '' });
  const recorded = useRef(new Map<string, string>());
  const [recordConsent] = useMutation(RecordConsentMutation);

  const consentFor = async (subjectId: string, organisationId: string): Promise<string | null> => {
    if (!draft.record) return null;
    const key = `${subjectId}|${organisationId}|${draft.givenBy}|${draft.expiresOn}`;
    const known = recorded.current.get(key);
    if (known) return known;
    const { data } = await recordConsent({
      variables: {
        input: {
          subjectId,
          grantedToOrganisationId: organisationId,
          purpose,
          givenBy: draft.givenBy,
          expiresAt: draft.expiresOn ? new Date(`${draft.expiresOn}T23:59:59`).toISOString() : null,
        },
      },
    });
    if (!data) throw new Error('recordConsent answered no data');
    recorded.current.set(key, data.recordConsent.id);
    return data.recordConsent.id;
  };

  return { draft, setDraft, consentFor };
}

/** Who gave the consent and until when; the words around it say what it shares with whom. */
export function ConsentFields({
  choice,
  words,
}: {
  choice: ConsentChoice;
  words: { title: string; record: string; explained: string; none: string };
}) {
  const { t } = useTranslator();
  const { draft, setDraft } = choice;
  const id = useId();
  return (
    <fieldset className="panel">
      <legend>{words.title}</legend>
      <div className="field checkbox">
        <input
          id={`${id}-record`}
          type="checkbox"
          checked={draft.record}
          onChange={(event) => setDraft({ ...draft, record: event.target.checked })}
        />
        <label htmlFor={`${id}-record`}>{words.record}</label>
      </div>
      {draft.record && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-given-by`}>{t('referralConsentGivenBy')}</label>
            <select
              id={`${id}-given-by`}
              value={draft.givenBy}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  givenBy: CONSENT_GIVERS.find((giver) => giver === event.target.value) ?? 'GUARDIAN',
                })
              }
            >
              {CONSENT_GIVERS.map((giver) => (
                <option key={giver} value={giver}>
                  {t(`referralConsentBy_${giver}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expires`}>{t('referralConsentExpires')}</label>
            <input
              id={`${id}-expires`}
              type="date"
              value={draft.expiresOn}
              onChange={(event) => setDraft({ ...draft, expiresOn: event.target.value })}
            />
          </div>
        </div>
      )}
      <p className="note">{draft.record ? words.explained : words.none}</p>
    </fieldset>
  );
}
