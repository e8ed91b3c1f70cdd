import { listingRoute, yearListing } from "@/app/[locale]/_views/listing";

const route = listingRoute(yearListing, true);

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
