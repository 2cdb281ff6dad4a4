import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { parseCheckinCode } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import { errorResponses } from '../schemas';

/** The h5 check-in page; it reads the scanned text from `code` (checkin-text.ts). */
const CHECKIN_PAGE = '/packages/checkin/scan/index';

/** The parts of `/c/<talk>/<window>/<mac>` as parseCheckinCode spells them. */
const CheckinLinkParams = Type.Object({
  talk: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
  window: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
  mac: Type.String({ pattern: '^[A-Za-z0-9_-]{16}$' }),
});

/**
 * The rotating code is a URL, so a phone's browser (or WeChat's, without the mini-program) that
 * opens it lands here; the h5 app's routes are its page paths, so this hands the code to the
 * check-in page, which signs the attendee in and sends it as an in-app scan would.
 */
const checkinLink: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/c/:talk/:window/:mac',
    {
      config: { auth: 'public' },
      // A link that is not a code is a page that does not exist, not a form with a bad field.
      attachValidation: true,
      schema: { hide: true, params: CheckinLinkParams, response: errorResponses(404) },
    },
    async (request, reply) => {
      const path = `/c/${request.params.talk}/${request.params.window}/${request.params.mac}`;
      if (request.validationError || !parseCheckinCode(path)) throw new AppError('not_found', { path });
      // No MAC check here: the page sends the code to POST /api/checkins, which judges it.
      return reply.redirect(`${CHECKIN_PAGE}?code=${encodeURIComponent(path)}`, 302);
    },
  );
};

export default checkinLink;
