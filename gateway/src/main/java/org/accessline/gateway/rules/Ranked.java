package org.accessline.gateway.rules;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A persistent sorted map that also knows each key's rank (its place in the order). A change copies
 * only the path to its key, so a floor state with ten thousand waiting conversations is changed in
 * a few dozen allocations and the state before the change stays valid. An AVL tree whose nodes
 * count their subtree.
 */
final class Ranked<K, V> implements Iterable<Map.Entry<K, V>> {
  private record Node<K, V>(K key, V value, Node<K, V> left, Node<K, V> right, int height, int size) {}

  private final Comparator<? super K> order;
  private final Node<K, V> root;

  private Ranked(Comparator<? super K> order, Node<K, V> root) {
    this.order = order;
    this.root = root;
  }

  static <K, V> Ranked<K, V> empty(Comparator<? super K> order) {
    return new Ranked<>(order, null);
  }

  int size() {
    return size(root);
  }

  boolean isEmpty() {
    return root == null;
  }

  /** The value at {@code key}, or null. */
  V get(K key) {
    Node<K, V> n = root;
    while (n != null) {
      int c = order.compare(key, n.key);
      if (c == 0) return n.value;
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  boolean contains(K key) {
    return get(key) != null;
  }

  Ranked<K, V> put(K key, V value) {
    if (value == null) throw new IllegalArgumentException("no null values: null means absent");
    Node<K, V> changed = put(root, key, value);
    return changed == root ? this : new Ranked<>(order, changed);
  }

  Ranked<K, V> remove(K key) {
    Node<K, V> changed = remove(root, key);
    return changed == root ? this : new Ranked<>(order, changed);
  }

  /** How many keys come before {@code key}, whether or not it is present. */
  int rank(K key) {
    int before = 0;
    Node<K, V> n = root;
    while (n != null) {
      int c = order.compare(key, n.key);
      if (c == 0) return before + size(n.left);
      if (c < 0) {
        n = n.left;
      } else {
        before += size(n.left) + 1;
        n = n.right;
      }
    }
    return before;
  }

  /** The first key, or null when empty. */
  K first() {
    Node<K, V> n = root;
    if (n == null) return null;
    while (n.left != null) n = n.left;
    return n.key;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return from(0);
  }

  /** The entries from the one at {@code index} (0 is the first) to the last, in order. */
  Iterator<Map.Entry<K, V>> from(int index) {
    ArrayDeque<Node<K, V>> path = new ArrayDeque<>();
    Node<K, V> n = root;
    int skip = index;
    while (n != null) {
      int left = size(n.left);
      if (skip < left) {
        path.push(n);
        n = n.left;
      } else if (skip == left) {
        path.push(n);
        break;
      } else {
        skip -= left + 1;
        n = n.right;
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !path.isEmpty();
      }

      @Override
      public Map.Entry<K, V> next() {
        if (path.isEmpty()) throw new NoSuchElementException();
        Node<K, V> next = path.pop();
        for (Node<K, V> m = next.right; m != null; m = m.left) path.push(m);
        return Map.entry(next.key, next.value);
      }
    };
  }

  private Node<K, V> put(Node<K, V> n, K key, V value) {
    if (n == null) return new Node<>(key, value, null, null, 1, 1);
    int c = order.compare(key, n.key);
    if (c == 0) return n.value.equals(value) && n.key.equals(key) ? n : new Node<>(key, value, n.left, n.right, n.height, n.size);
    if (c < 0) {
      Node<K, V> left = put(n.left, key, value);
      return left == n.left ? n : balance(n.key, n.value, left, n.right);
    }
    Node<K, V> right = put(n.right, key, value);
    return right == n.right ? n : balance(n.key, n.value, n.left, right);
  }

  private Node<K, V> remove(Node<K, V> n, K key) {
    if (n == null) return null;
    int c = order.compare(key, n.key);
    if (c < 0) {
      Node<K, V> left = remove(n.left, key);
      return left == n.left ? n : balance(n.key, n.value, left, n.right);
    }
    if (c > 0) {
      Node<K, V> right = remove(n.right, key);
      return right == n.right ? n : balance(n.key, n.value, n.left, right);
    }
    if (n.left == null) return n.right;
    if (n.right == null) return n.left;
    Node<K, V> successor = n.right;
    while (successor.left != null) successor = successor.left;
    return balance(successor.key, successor.value, n.left, removeFirst(n.right));
  }

  private Node<K, V> removeFirst(Node<K, V> n) {
    if (n.left == null) return n.right;
    return balance(n.key, n.value, removeFirst(n.left), n.right);
  }

  private static <K, V> Node<K, V> balance(K key, V value, Node<K, V> left, Node<K, V> right) {
    int hl = height(left);
    int hr = height(right);
    if (hl > hr + 1) {
      if (height(left.left) >= height(left.right)) return node(left.key, left.value, left.left, node(key, value, left.right, right));
      Node<K, V> lr = left.right;
      return node(lr.key, lr.value, node(left.key, left.value, left.left, lr.left), node(key, value, lr.right, right));
    }
    if (hr > hl + 1) {
      if (height(right.right) >= height(right.left)) return node(right.key, right.value, node(key, value, left, right.left), right.right);
      Node<K, V> rl = right.left;
      return node(rl.key, rl.value, node(key, value, left, rl.left), node(right.key, right.value, rl.right, right.right));
    }
    return node(key, value, left, right);
  }

  private static <K, V> Node<K, V> node(K key, V value, Node<K, V> left, Node<K, V> right) {
    return new Node<>(key, value, left, right, 1 + Math.max(height(left), height(right)), 1 + size(left) + size(right));
  }

  private static int height(Node<?, ?> n) {
    return n == null ? 0 : n.height;
  }

  private static int size(Node<?, ?> n) {
    return n == null ? 0 : n.size;
  }
}
