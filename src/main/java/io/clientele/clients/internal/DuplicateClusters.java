package io.clientele.clients.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Joins pairs of likely duplicates into groups, strongest pairs first: two records are in
 * one group when a chain of pairs links them, but a pair that would make a group larger
 * than {@code maxSize} is left out. Without the limit, similar names chain half a base
 * into one "group" (Ivanov ~ Ivanova ~ Ivashov…); with it, the strong pairs (INN, e-mail)
 * form their groups before the weak ones can.
 */
final class DuplicateClusters {

	private final int maxSize;

	private final Map<Long, Integer> index = new HashMap<>();

	private final List<Long> ids = new ArrayList<>();

	private int[] parent = new int[64];

	private int[] size = new int[64];

	private float[] score = new float[64];

	private final Map<Integer, TreeSet<String>> reasons = new HashMap<>();

	/**
	 * @param maxSize the most records a group may hold
	 */
	DuplicateClusters(int maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Adds a pair; pairs must come strongest first.
	 * @return whether the two records are now in one group
	 */
	boolean add(long a, long b, float pairScore, List<String> pairReasons) {
		int rootA = find(slot(a));
		int rootB = find(slot(b));
		if (rootA != rootB) {
			if (size[rootA] + size[rootB] > maxSize) {
				return false;
			}
			if (size[rootA] < size[rootB]) {
				int swap = rootA;
				rootA = rootB;
				rootB = swap;
			}
			parent[rootB] = rootA;
			size[rootA] += size[rootB];
			score[rootA] = Math.max(score[rootA], score[rootB]);
			TreeSet<String> absorbed = reasons.remove(rootB);
			if (absorbed != null) {
				reasons.computeIfAbsent(rootA, key -> new TreeSet<>()).addAll(absorbed);
			}
		}
		score[rootA] = Math.max(score[rootA], pairScore);
		reasons.computeIfAbsent(rootA, key -> new TreeSet<>()).addAll(pairReasons);
		return true;
	}

	/**
	 * The groups, each with its members in id order; the group's id is its first member.
	 */
	List<Group> groups() {
		Map<Integer, List<Long>> members = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			members.computeIfAbsent(find(i), key -> new ArrayList<>()).add(ids.get(i));
		}
		List<Group> groups = new ArrayList<>(members.size());
		members.forEach((root, list) -> {
			if (list.size() > 1) {
				long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
				groups.add(new Group(sorted[0], sorted, score[root], List.copyOf(reasons.get(root))));
			}
		});
		return groups;
	}

	record Group(long id, long[] members, float score, List<String> reasons) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Group group && group.id == id && Arrays.equals(group.members, members)
					&& group.score == score && group.reasons.equals(reasons);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(id);
		}

		@Override
		public String toString() {
			return "Group" + Arrays.toString(members) + " " + score + " " + reasons;
		}

	}

	private int slot(long id) {
		Integer existing = index.get(id);
		if (existing != null) {
			return existing;
		}
		int slot = ids.size();
		if (slot == parent.length) {
			parent = Arrays.copyOf(parent, slot * 2);
			size = Arrays.copyOf(size, slot * 2);
			score = Arrays.copyOf(score, slot * 2);
		}
		ids.add(id);
		index.put(id, slot);
		parent[slot] = slot;
		size[slot] = 1;
		return slot;
	}

	private int find(int slot) {
		int root = slot;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[slot] != root) {
			int next = parent[slot];
			parent[slot] = root;
			slot = next;
		}
		return root;
	}

}
