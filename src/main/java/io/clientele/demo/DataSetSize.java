package io.clientele.demo;

/**
 * The named data sets of the benchmarks. Both have the same company (20 sales
 * departments, each with a head and 10 managers); they differ in how many clients it has.
 * Leads are one in twenty of the clients; deals twice as many as the clients.
 */
public enum DataSetSize {

	/** 10,000 clients, about 20,000 contact persons, 500 leads and 20,000 deals. */
	S(10_000),

	/**
	 * 1,000,000 clients, about 2,000,000 contact persons, 50,000 leads and 2,000,000
	 * deals.
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

}
