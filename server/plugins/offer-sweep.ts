import fp from 'fastify-plugin';
import { BOOKING_CONFIG } from '../../src/core/booking';
import { sweepOffers } from '../services/booking/sweep';

/**
 * 派单's offer cascade: the state lives in the database and the interval only wakes the sweep, so
 * a restart loses nothing and several instances may sweep side by side. Tests leave it off and
 * call sweepOffers with their own clock.
 */
export default fp(
  async (app) => {
    let sweeping = false;
    const timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      sweepOffers(app.db, app.now())
        .catch((error: unknown) => app.log.error({ err: error }, 'offer sweep failed'))
        .finally(() => {
          sweeping = false;
        });
    }, BOOKING_CONFIG.sweepIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'offer-sweep', dependencies: ['db'] },
);
