package io.clientele.demo;

/**
 * The named data sets of the benchmarks. Both have the same company (20 sales
 * departments, each with a head and 10 managers); they differ in how many clients it has.
 * Leads are one in twenty of the clients; deals twice as many as the clients;
 * interactions ten times as many, tasks as many.
 */
public enum DataSetSize {

	/**
	 * 10,000 clients, about 20,000 contact persons, 500 leads, 20,000 deals, 100,000
	 * interactions and 10,000 tasks.
	 */
	S(10_000),

	/**
	 * 1,000,000 clients, about 2,000,000 contact persons, 50,000 leads, 2,000,000 deals,
	 * 10,000,000 interactions and 1,000,000 tasks.
	 */
	M(1_000_000);

	private final int clients;

	DataSetSize(int clients) {
		this.clients = clients;
	}

	/** How many clients (a fifth of them individuals). */
	public int clients() {
		return clients;
	}

	/** How many leads: one in twenty of the clients. */
	public int leads() {
		return clients / 20;
	}

	/** How many deals: two per client on average. */
	public int deals() {
		return clients * 2;
	}

	/** How many interactions: ten per client on average. */
	public int interactions() {
		return clients * 10;
	}

	/**
	 * How many open deals run a route map after {@code generate --only processes}: one
	 * per ten clients (100,000 on M).
	 */
	public int processes() {
		return clients / 10;
	}

	/** How many tasks and work items: one per client on average. */
	public int tasks() {
		return clients;
	}

}
