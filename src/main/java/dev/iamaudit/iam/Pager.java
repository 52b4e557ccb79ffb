package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Follows IBM's paging. The link to the next page is only read for its page token, which is then
 * sent with the first page's filters: IAM's {@code next} is a full URL ({@code pagetoken}), User
 * Management's {@code next_url} may be relative or absolute ({@code _start}). So a link never sends
 * the token to another host. A page's token comes only with the page before it, so one listing's
 * pages are fetched one after the other.
 */
final class Pager<P, T> {
  /** Everything a listing returned, and over how many pages. */
  record Listing<T>(List<T> items, int pages) {
    Listing {
      items = List.copyOf(items);
    }
  }

  private final IamHttp http;
  private final Class<P> pageType;
  private final Function<P, String> nextLink;
  private final Function<P, List<T>> items;
  private final String tokenParameter;
  private final HttpUrl linkBase;

  /**
   * @param linkBase what a relative next link is resolved against
   */
  Pager(
      IamHttp http,
      Class<P> pageType,
      Function<P, String> nextLink,
      Function<P, List<T>> items,
      String tokenParameter,
      HttpUrl linkBase) {
    this.http = http;
    this.pageType = pageType;
    this.nextLink = nextLink;
    this.items = items;
    this.tokenParameter = tokenParameter;
    this.linkBase = linkBase;
  }

  /**
   * Every page from {@code first} on, one after the other; {@code onPage} hears of each page's
   * items as it comes.
   */
  Listing<T> all(HttpUrl first, Consumer<List<T>> onPage) {
    List<T> all = new ArrayList<>();
    HttpUrl url = first;
    String previousToken = null;
    int pages = 0;
    while (true) {
      P page = http.getJson(url, pageType);
      pages++;
      List<T> pageItems = items.apply(page);
      if (pageItems != null) {
        all.addAll(pageItems);
      }
      onPage.accept(pageItems == null ? List.of() : pageItems);
      String link = nextLink.apply(page);
      if (link == null || link.isBlank()) {
        return new Listing<>(all, pages);
      }
      String token = token(link, first);
      if (token.equals(previousToken)) {
        throw new DataException(
            http.endpoints().serviceName(first)
                + " sent the same next page twice for GET "
                + first.encodedPath()
                + "; stopped to avoid an endless loop. Try again later");
      }
      previousToken = token;
      url = first.newBuilder().setQueryParameter(tokenParameter, token).build();
    }
  }

  private String token(String link, HttpUrl first) {
    HttpUrl resolved = linkBase.resolve(link.trim());
    String token = resolved == null ? null : resolved.queryParameter(tokenParameter);
    if (token == null || token.isEmpty()) {
      throw new DataException(
          "The next-page link of GET "
              + first.encodedPath()
              + " has no "
              + tokenParameter
              + "; report it to IBM if it persists");
    }
    return token;
  }
}
