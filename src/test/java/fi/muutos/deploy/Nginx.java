package fi.muutos.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * An nginx configuration as nginx reads it: directives ending in {@code ;} and blocks in braces,
 * comments from {@code #} to the end of the line, quoted words kept whole. Unbalanced braces or a
 * directive without its {@code ;} are refused, as nginx refuses them at start.
 */
record Nginx(List<Block> blocks, List<Directive> directives) {

  record Directive(String name, List<String> arguments) {
    String value() {
      return String.join(" ", arguments);
    }
  }

  record Block(String name, List<String> arguments, Nginx body) {}

  static Nginx parse(String text) {
    List<String> tokens = tokens(text);
    int[] position = {0};
    Nginx nginx = parse(tokens, position);
    if (position[0] != tokens.size()) {
      throw new AssertionError("nginx: an unexpected } at token " + position[0]);
    }
    return nginx;
  }

  private static Nginx parse(List<String> tokens, int[] position) {
    List<Block> blocks = new ArrayList<>();
    List<Directive> directives = new ArrayList<>();
    List<String> words = new ArrayList<>();
    while (position[0] < tokens.size()) {
      String token = tokens.get(position[0]++);
      switch (token) {
        case ";" -> {
          if (words.isEmpty()) {
            throw new AssertionError("nginx: an empty directive");
          }
          directives.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size()))));
          words.clear();
        }
        case "{" -> {
          if (words.isEmpty()) {
            throw new AssertionError("nginx: a block without a name");
          }
          Nginx body = parse(tokens, position);
          if (position[0] > tokens.size() || !"}".equals(tokens.get(position[0] - 1))) {
            throw new AssertionError("nginx: the block " + words + " is not closed");
          }
          blocks.add(new Block(words.get(0), List.copyOf(words.subList(1, words.size())), body));
          words.clear();
        }
        case "}" -> {
          if (!words.isEmpty()) {
            throw new AssertionError("nginx: " + words + " has no ;");
          }
          return new Nginx(blocks, directives);
        }
        default -> words.add(token);
      }
    }
    if (!words.isEmpty()) {
      throw new AssertionError("nginx: " + words + " has no ;");
    }
    return new Nginx(blocks, directives);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new AssertionError("nginx: an unclosed quote");
        }
        word.append(text, i + 1, end);
        i = end;
      } else if (c == ';' || c == '{' || c == '}' || Character.isWhitespace(c)) {
        if (!word.isEmpty()) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        if (!Character.isWhitespace(c)) {
          tokens.add(String.valueOf(c));
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  /** The first argument of each {@code server} of the named upstream. */
  List<String> upstreamServers(String name) {
    return blocks.stream()
        .filter(block -> block.name().equals("upstream") && block.arguments().equals(List.of(name)))
        .flatMap(block -> block.body().directives().stream())
        .filter(directive -> directive.name().equals("server"))
        .map(directive -> directive.arguments().get(0))
        .toList();
  }

  /** Every value of a directive, in any block. */
  List<String> directives(String name) {
    List<String> values = new ArrayList<>();
    directives.stream()
        .filter(d -> d.name().equals(name))
        .map(Directive::value)
        .forEach(values::add);
    blocks.forEach(block -> values.addAll(block.body().directives(name)));
    return values;
  }

  /** The first value of a directive, in any block; null when there is none. */
  String directive(String name) {
    List<String> values = directives(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
