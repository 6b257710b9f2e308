package io.clientele.deals;

import io.clientele.shared.Labelled;

/**
 * The statistical probability of winning a deal: of the closed deals that reached its
 * current stage, the share that were won.
 *
 * @param percent the share won, rounded to a whole percent
 * @param basis which closed deals it counts
 * @param deals how many closed deals it rests on
 * @param won how many of them were won
 */
public record ProbabilityEstimate(int percent, Basis basis, long deals, long won) {

	/** Which closed deals an estimate counts, from the narrowest. */
	public enum Basis implements Labelled {

		/** The deals of the same client. */
		CLIENT,
		/** The deals of the same responsible manager. */
		MANAGER,
		/** The deals of the same kind. */
		KIND,
		/** Every deal of the scenario. */
		SCENARIO;

		@Override
		public String messageKey() {
			return "deal.estimate.basis." + name();
		}

	}

}
