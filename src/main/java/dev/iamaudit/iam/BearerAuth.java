package dev.iamaudit.iam;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the access token to requests for the two configured IBM services and to nothing else. */
final class BearerAuth implements Interceptor {
  private final IamEndpoints endpoints;
  private final TokenProvider tokens;

  BearerAuth(IamEndpoints endpoints, TokenProvider tokens) {
    this.endpoints = endpoints;
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!endpoints.isApiHost(request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request.newBuilder().header("Authorization", "Bearer " + tokens.token().reveal()).build());
  }
}
