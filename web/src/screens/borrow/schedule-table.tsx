import type { Quote } from '../../api/me.ts';
import { useLocale } from '../../i18n/index.ts';

/** A loan's schedule: period, due date, payment, principal and interest (the quote's rows). */
export function ScheduleTable({ rows }: { rows: Quote['rows'] }) {
  const { t, format } = useLocale();
  return (
    <table className="schedule" data-testid="schedule">
      <thead>
        <tr>
          <th scope="col">{t('borrow.period')}</th>
          <th scope="col">{t('borrow.due')}</th>
          <th scope="col">{t('borrow.payment')}</th>
          <th scope="col">{t('borrow.principal')}</th>
          <th scope="col">{t('borrow.interest')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period}>
            <td>{row.period}</td>
            <td>{format.date(row.dueDate)}</td>
            <td>{format.yuan(row.payment)}</td>
            <td>{format.yuan(row.principal)}</td>
            <td>{format.yuan(row.interest)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
