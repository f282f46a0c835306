import { useTranslator } from './i18n';

/** The column headings of a unit's bed counts, in the order every table shows them. */
export function BedCountHeadings({ availableIsNumber = true }: { availableIsNumber?: boolean }) {
  const { t } = useTranslator();
  return (
    <>
      <th scope="col" className="number">
        {t('colCapacity')}
      </th>
      <th scope="col" className="number">
        {t('colOccupied')}
      </th>
      <th scope="col" className="number">
        {t('colHeld')}
      </th>
      <th scope="col" className={availableIsNumber ? 'number' : undefined}>
        {t('colAvailable')}
      </th>
    </>
  );
}
